package dev.sextant.reranker.crossencoder;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes small ONNX models as protobuf bytes, with no ONNX or protobuf library: just the fields of
 * {@code onnx.proto} a graph of a few nodes needs. Each message is built as its own byte array and nested as a
 * length-delimited field; field numbers are those of onnx.proto (IR version 8).
 *
 * <pre>{@code
 * byte[] model = OnnxModelWriter.model(13, OnnxModelWriter.graph("tiny",
 *         List.of(OnnxModelWriter.node("Gather", List.of("weights", "input_ids"), "gathered")),
 *         List.of(OnnxModelWriter.floats("weights", new float[] {0, 1}, 2)),
 *         List.of(OnnxModelWriter.value("input_ids", OnnxModelWriter.INT64, "batch", "seq")),
 *         List.of(OnnxModelWriter.value("gathered", OnnxModelWriter.FLOAT, "batch", "seq"))));
 * }</pre>
 */
final class OnnxModelWriter {

    /** TensorProto.DataType values. */
    static final int FLOAT = 1;
    static final int INT64 = 7;

    private static final int IR_VERSION = 8;
    private static final int WIRE_VARINT = 0;
    private static final int WIRE_LENGTH = 2;
    private static final int ATTRIBUTE_INT = 2;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private OnnxModelWriter() {
    }

    /** ModelProto: ir_version (1), graph (7), opset_import (8) of the default domain. */
    static byte[] model(int opset, byte[] graph) {
        byte[] opsetImport = new OnnxModelWriter().varint(2, opset).bytes();
        return new OnnxModelWriter().varint(1, IR_VERSION).string(2, "sextant-test")
                .message(7, graph).message(8, opsetImport).bytes();
    }

    /** GraphProto: node (1), name (2), initializer (5), input (11), output (12). */
    static byte[] graph(String name, List<byte[]> nodes, List<byte[]> initializers, List<byte[]> inputs,
                        List<byte[]> outputs) {
        OnnxModelWriter w = new OnnxModelWriter();
        nodes.forEach(n -> w.message(1, n));
        w.string(2, name);
        initializers.forEach(t -> w.message(5, t));
        inputs.forEach(v -> w.message(11, v));
        outputs.forEach(v -> w.message(12, v));
        return w.bytes();
    }

    /** NodeProto: input (1), output (2), op_type (4), attribute (5). */
    static byte[] node(String op, List<String> inputs, String output, byte[]... attributes) {
        OnnxModelWriter w = new OnnxModelWriter();
        inputs.forEach(i -> w.string(1, i));
        w.string(2, output).string(4, op);
        for (byte[] attribute : attributes) {
            w.message(5, attribute);
        }
        return w.bytes();
    }

    /** AttributeProto of one integer: name (1), i (3), type (20) INT. */
    static byte[] intAttribute(String name, long value) {
        return new OnnxModelWriter().string(1, name).varint(3, value).varint(20, ATTRIBUTE_INT).bytes();
    }

    /** TensorProto of floats: dims (1), data_type (2), float_data (4, packed), name (8). */
    static byte[] floats(String name, float[] values, long... dims) {
        OnnxModelWriter data = new OnnxModelWriter();
        for (float v : values) {
            int bits = Float.floatToIntBits(v);
            for (int b = 0; b < 4; b++) {
                data.out.write(bits >>> (8 * b));
            }
        }
        return tensor(name, FLOAT, dims).message(4, data.bytes()).bytes();
    }

    /** TensorProto of 64-bit integers: dims (1), data_type (2), int64_data (7, packed), name (8). */
    static byte[] longs(String name, long[] values, long... dims) {
        OnnxModelWriter data = new OnnxModelWriter();
        for (long v : values) {
            data.rawVarint(v);
        }
        return tensor(name, INT64, dims).message(7, data.bytes()).bytes();
    }

    private static OnnxModelWriter tensor(String name, int type, long... dims) {
        OnnxModelWriter w = new OnnxModelWriter();
        for (long d : dims) {
            w.varint(1, d);
        }
        return w.varint(2, type).string(8, name);
    }

    /**
     * ValueInfoProto of a tensor: name (1), type (2) = TypeProto.tensor_type (1) = {elem_type (1), shape (2)};
     * each dimension (TensorShapeProto.dim, 1) is a {@code String} (dim_param, 2) or a number (dim_value, 1).
     */
    static byte[] value(String name, int elemType, Object... dims) {
        OnnxModelWriter shape = new OnnxModelWriter();
        for (Object d : dims) {
            OnnxModelWriter dim = new OnnxModelWriter();
            if (d instanceof String param) {
                dim.string(2, param);
            } else {
                dim.varint(1, ((Number) d).longValue());
            }
            shape.message(1, dim.bytes());
        }
        byte[] tensorType = new OnnxModelWriter().varint(1, elemType).message(2, shape.bytes()).bytes();
        byte[] type = new OnnxModelWriter().message(1, tensorType).bytes();
        return new OnnxModelWriter().string(1, name).message(2, type).bytes();
    }

    private OnnxModelWriter varint(int field, long value) {
        key(field, WIRE_VARINT);
        return rawVarint(value);
    }

    private OnnxModelWriter string(int field, String value) {
        return message(field, value.getBytes(StandardCharsets.UTF_8));
    }

    private OnnxModelWriter message(int field, byte[] value) {
        key(field, WIRE_LENGTH);
        rawVarint(value.length);
        out.writeBytes(value);
        return this;
    }

    private void key(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    /** Base-128, low group first; a negative value takes ten bytes, as protobuf writes int64. */
    private OnnxModelWriter rawVarint(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
        return this;
    }

    private byte[] bytes() {
        return out.toByteArray();
    }
}
