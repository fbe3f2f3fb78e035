package dev.sextant.connectors.github;

import dev.sextant.connectors.extract.FileNames;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which files of a tree are worth indexing, decided from the tree alone (path, mode, size) so that nothing left
 * out is downloaded: vendored and generated paths, lock files and minified bundles; binaries by extension; files
 * over the size cap. Binaries with an unknown extension are caught later, by the extractor (NUL bytes, invalid
 * UTF-8).
 */
final class PathFilter {

    enum Kind { VENDORED, BINARY, TOO_LARGE }

    record Exclusion(Kind kind, String reason) {
    }

    private static final Set<String> VENDORED_DIRS = Set.of("vendor", "node_modules", "dist", "build", "target",
            "third_party", "bower_components", "__pycache__", ".yarn", "pods", ".git", ".gradle", ".venv", "venv",
            "out", "coverage", ".next");
    private static final Set<String> LOCK_FILES = Set.of("package-lock.json", "yarn.lock", "pnpm-lock.yaml",
            "cargo.lock", "gemfile.lock", "poetry.lock", "composer.lock", "go.sum", "pipfile.lock", "npm-shrinkwrap.json",
            "podfile.lock", "mix.lock", "flake.lock", "uv.lock");
    private static final Set<String> BINARY = Set.of("png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "tif", "tiff",
            "psd", "svgz", "zip", "gz", "tgz", "bz2", "xz", "7z", "rar", "zst", "jar", "war", "ear", "class", "so",
            "dylib", "dll", "exe", "bin", "o", "a", "lib", "obj", "pyc", "pyo", "whl", "egg", "mp3", "mp4", "m4a", "mov",
            "avi", "mkv", "wav", "flac", "ogg", "webm", "woff", "woff2", "ttf", "otf", "eot", "sqlite", "db", "dat",
            "iso", "dmg", "deb", "rpm", "apk", "ipa", "pdb", "wasm", "xlsx", "xls", "pptx", "ppt", "doc", "odt", "key",
            "onnx", "pt", "safetensors", "npy", "npz", "parquet", "avro", "pkl");

    private final long maxBytes;

    PathFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    Optional<Exclusion> exclusion(String path, long size) {
        String lower = path.toLowerCase(Locale.ROOT);
        String[] parts = lower.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (VENDORED_DIRS.contains(parts[i])) {
                return Optional.of(new Exclusion(Kind.VENDORED, "vendored or generated path (" + parts[i] + "/)"));
            }
        }
        String name = parts[parts.length - 1];
        if (LOCK_FILES.contains(name) || name.endsWith(".lock")) {
            return Optional.of(new Exclusion(Kind.VENDORED, "lock file"));
        }
        if (name.endsWith(".min.js") || name.endsWith(".min.css") || name.endsWith(".map")
                || name.endsWith(".pb.go") || name.endsWith("_pb2.py") || name.endsWith(".generated.cs")) {
            return Optional.of(new Exclusion(Kind.VENDORED, "generated file"));
        }
        String extension = FileNames.extension(name);
        if (BINARY.contains(extension)) {
            return Optional.of(new Exclusion(Kind.BINARY, "binary file (." + extension + ")"));
        }
        if (size > maxBytes) {
            return Optional.of(new Exclusion(Kind.TOO_LARGE, "larger than the limit: " + size + " bytes, the limit is "
                    + maxBytes));
        }
        return Optional.empty();
    }
}
