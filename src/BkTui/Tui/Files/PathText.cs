namespace BkTui.Tui.Files;

/// <summary>Paths as typed: "~" for the home directory, folders shown with a trailing slash.</summary>
public static class PathText
{
    public static string Home => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>"~" and "~/x" to the home directory; anything else unchanged.</summary>
    public static string Expand(string path) =>
        path == "~" ? Home : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(Home, path[2..]) : path;

    public static string WithSlash(string directory) => directory.EndsWith('/') ? directory : directory + "/";
}
