namespace Bot.Core.Tests;

/// <summary>The checkout the tests run from, for tests that compare the code with its docs.</summary>
internal static class RepositoryFiles
{
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CompassionBot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CompassionBot.sln not found above the test output.");
    }
}
