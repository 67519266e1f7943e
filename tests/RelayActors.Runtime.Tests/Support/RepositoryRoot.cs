namespace RelayActors.Runtime.Tests.Support;

/// <summary>Finds files of the repository (hocon/, docs/) from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "RelayActors.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"RelayActors.sln not found above {AppContext.BaseDirectory}");
    }
}
