using System.Runtime.CompilerServices;

namespace BkTui.Tests.TestSupport;

/// <summary>
/// Tests never write into the checkout's dumps/: a CLI run without --archive (in this process or a
/// child, which inherits the environment) uses a per-run temporary archive, removed at exit.
/// </summary>
internal static class TestArchiveDefault
{
    [ModuleInitializer]
    internal static void Init()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("BKTUI_ARCHIVE"))) return;
        var dir = Path.Combine(Path.GetTempPath(), $"bktui-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        Environment.SetEnvironmentVariable("BKTUI_ARCHIVE", dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
    }
}
