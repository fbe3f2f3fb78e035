package dev.sextant.acl;

/** An ACL text that cannot be read; the message says where and why. */
public class AclSyntaxException extends Exception {
    public AclSyntaxException(String message) {
        super(message);
    }
}
