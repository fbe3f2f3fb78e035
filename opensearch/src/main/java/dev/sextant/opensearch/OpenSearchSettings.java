package dev.sextant.opensearch;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where the cluster is and how the index is laid out on it.
 *
 * @param url         the cluster's HTTP address, e.g. {@code http://127.0.0.1:9200}
 * @param indexPrefix names the two indexes: {@code <prefix>-chunks} and {@code <prefix>-checkpoints}
 * @param shards      primary shards of the chunk index; BM25 statistics do not depend on it (they are the reader's)
 * @param replicas    copies of each shard on other nodes
 */
public record OpenSearchSettings(URI url, String indexPrefix, int shards, int replicas) {

    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public OpenSearchSettings {
        if (url == null || url.getHost() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
            throw new IllegalArgumentException("the OpenSearch URL must be http(s)://host:port, not " + url);
        }
        if (indexPrefix == null || !INDEX_NAME.matcher(indexPrefix).matches()) {
            throw new IllegalArgumentException("the index prefix must be lower case letters, digits, '.', '_' or '-' "
                    + "and start with a letter or digit, not '" + indexPrefix + "'");
        }
        if (shards < 1 || replicas < 0) {
            throw new IllegalArgumentException("an index needs at least one shard and zero or more replicas, not "
                    + shards + " shards and " + replicas + " replicas");
        }
    }

    /** One shard, one replica, prefix {@code sextant}: a small cluster's defaults. */
    public static OpenSearchSettings of(String url) {
        return new OpenSearchSettings(URI.create(url), "sextant", 1, 1);
    }

    public OpenSearchSettings withPrefix(String prefix) {
        return new OpenSearchSettings(url, prefix, shards, replicas);
    }

    /** The index of chunks. */
    public String chunkIndex() {
        return indexPrefix + "-chunks";
    }

    /** The index of connector checkpoints. */
    public String checkpointIndex() {
        return indexPrefix + "-checkpoints";
    }
}
