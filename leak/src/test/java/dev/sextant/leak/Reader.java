package dev.sextant.leak;

import dev.sextant.acl.Principals;

/** A person of the world as the system resolved them for one query. */
record Reader(World.Person person, Principals principals) {
}
