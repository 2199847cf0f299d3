namespace BkTui.Core.Archive;

/// <summary>Where the archive lives: --archive DIR, then BKTUI_ARCHIVE, then the checkout's dumps/, then the XDG data dir.</summary>
public static class ArchiveLocation
{
    public const string EnvironmentVariable = "BKTUI_ARCHIVE";

    /// <summary>The archive root for this run, as an absolute path (not created here).</summary>
    public static string Resolve(string? option) => Resolve(option, Environment.GetEnvironmentVariable, AppContext.BaseDirectory);

    /// <summary>Testable form: the environment and the program's folder are passed in.</summary>
    public static string Resolve(string? option, Func<string, string?> env, string baseDirectory)
    {
        if (!string.IsNullOrWhiteSpace(option)) return Path.GetFullPath(Expand(option, env));
        var fromEnv = env(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv)) return Path.GetFullPath(Expand(fromEnv, env));
        var checkout = FindCheckout(baseDirectory);
        if (checkout is not null) return Path.Combine(checkout, "dumps");
        var xdg = env("XDG_DATA_HOME");
        if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "bktui");
        return Path.Combine(Home(env), ".local", "share", "bktui");
    }

    /// <summary>The folder holding BkTui.sln above <paramref name="start"/>, when running from a source checkout.</summary>
    public static string? FindCheckout(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "BkTui.sln"))) return dir.FullName;
        return null;
    }

    private static string Expand(string path, Func<string, string?> env) =>
        path == "~" ? Home(env) : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(Home(env), path[2..]) : path;

    private static string Home(Func<string, string?> env) =>
        env("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
