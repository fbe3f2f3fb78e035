package dev.sextant.bench.scale;

import dev.sextant.bench.Flags;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The options of {@code ./sextant scale}.
 *
 * @param chunks  how many chunks to generate and index
 * @param out     where the JSON report goes
 * @param vectors the encoding of the searched index's vectors
 * @param readers the readers' group counts
 * @param queries timed queries per mode and reader
 * @param dir     the working folder, emptied first
 */
record ScaleArgs(int chunks, Path out, QuantizedCopy.Encoding vectors, List<Integer> readers, int queries,
                 int dimension, Path dir, long seed) {

    static final String USAGE = """
            Usage: ./sextant scale --chunks N --out REPORT.json [options]
              --vectors float|int7|int4|bbq  the searched index's vector encoding (default float); the
                                             quantized ones are a copy of the float index
              --readers 1,100,5000           the readers' group counts (default 1,100,5000)
              --queries N                    timed queries per mode and reader (default 200)
              --dimension D                  vector dimension (default 384)
              --dir DIR                      working folder, emptied first (default data/scale)
              --seed S                       generator seed (default 42)""";

    static ScaleArgs parse(String[] args) {
        Integer chunks = null;
        Path out = null;
        QuantizedCopy.Encoding vectors = QuantizedCopy.Encoding.FLOAT;
        List<Integer> readers = List.of(1, 100, 5000);
        int queries = 200;
        int dimension = 384;
        Path dir = Path.of("data", "scale");
        long seed = 42;
        Flags flags = new Flags(args);
        while (flags.next()) {
            String flag = flags.flag();
            String value = flags.value();
            switch (flag) {
                case "--chunks" -> chunks = positive(flag, value);
                case "--out" -> out = Path.of(value);
                case "--vectors" -> vectors = QuantizedCopy.Encoding.parse(value);
                case "--readers" -> readers = Arrays.stream(value.split(",")).map(v -> positive(flag, v.strip())).toList();
                case "--queries" -> queries = positive(flag, value);
                case "--dimension" -> dimension = positive(flag, value);
                case "--dir" -> dir = Path.of(value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        if (chunks == null || out == null) {
            throw new IllegalArgumentException("--chunks and --out are required");
        }
        return new ScaleArgs(chunks, out, vectors, new ArrayList<>(readers), queries, dimension, dir, seed);
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value.replace("_", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " needs a positive whole number, got '" + value + "'");
    }
}
