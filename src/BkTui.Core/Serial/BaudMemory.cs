namespace BkTui.Core.Serial;

/// <summary>
/// Which linked rates the per-adapter memory keeps. The ladder's result always (a step-down is the
/// cable's verdict); a rate the user asked for with --baud only when it is above the remembered one,
/// which is how a rate is raised again. A lower or odd rate tried once must not slow every later job
/// (tester s9: `--baud 12345` once left later backups at 1.2 KB/s).
/// </summary>
public static class BaudMemory
{
    public static bool Keeps(int? asked, int linked, int? remembered) =>
        linked > 0 && (asked is null || (remembered is { } r && linked > r));
}
