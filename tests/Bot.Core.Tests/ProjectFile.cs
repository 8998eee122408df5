using System.Xml.Linq;

namespace Bot.Core.Tests;

/// <summary>A project of the checkout as its .csproj declares it: the projects and packages it references by name.</summary>
internal sealed record ProjectFile(string Name, string RelativePath, IReadOnlyList<string> Projects, IReadOnlyList<string> Packages)
{
    private static readonly string[] Folders = ["src", "tests", "benchmarks"];

    public static IReadOnlyList<ProjectFile> All(string root) =>
        Folders
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Select(path => Read(root, path))
            .OrderBy(project => project.Name, StringComparer.Ordinal)
            .ToList();

    private static ProjectFile Read(string root, string path)
    {
        var items = XDocument.Load(path).Descendants().ToList();
        string[] Includes(string item) =>
            items.Where(e => e.Name.LocalName == item).Select(e => (string?)e.Attribute("Include") ?? "").ToArray();

        var projects = Includes("ProjectReference").Select(include => Path.GetFileNameWithoutExtension(include.Replace('\\', '/'))).ToArray();
        return new ProjectFile(Path.GetFileNameWithoutExtension(path), Path.GetRelativePath(root, path).Replace('\\', '/'), projects, Includes("PackageReference"));
    }
}
