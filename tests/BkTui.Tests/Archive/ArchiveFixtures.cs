using System.Diagnostics;
using BkTui.Core.Archive;

namespace BkTui.Tests.Archive;

/// <summary>A fresh archive in its own temp folder, deleted afterwards.</summary>
internal sealed class TempArchive : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"bktui-archive-{Guid.NewGuid():N}");
    private DumpArchive? _archive;

    public DumpArchive Archive => _archive ??= DumpArchive.Open(Root);

    /// <summary>A scratch folder next to the archive (for dump files and exports).</summary>
    public string Scratch => Directory.CreateDirectory(Root + "-files").FullName;

    public void Dispose()
    {
        _archive?.Dispose();
        foreach (var d in new[] { Root, Root + "-files" })
            if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
    }
}

/// <summary>Dumps shaped like real flash: random code sectors, repeated sectors, erased (0xFF) runs.</summary>
internal static class SyntheticDumps
{
    public const int Sector = 4096;

    /// <summary>A dump of <paramref name="sectors"/> sectors: the first 60% random (seeded), a repeated pattern, the rest erased (no BK72xx structure: CLI imports pass --keep-unknown).</summary>
    public static byte[] Make(int seed, int sectors = 64)
    {
        var rng = new Random(seed);
        var dump = new byte[sectors * Sector];
        Array.Fill(dump, (byte)0xFF);
        int code = sectors * 6 / 10;
        rng.NextBytes(dump.AsSpan(0, code * Sector));
        for (int i = code; i < code + sectors / 10; i++) dump.AsSpan(i * Sector, Sector).Fill((byte)0x5A);
        return dump;
    }

    /// <summary>A copy of <paramref name="dump"/> with a few bytes changed at the given offsets (like a config write).</summary>
    public static byte[] Vary(byte[] dump, params int[] offsets)
    {
        var copy = dump.ToArray();
        foreach (var o in offsets) copy[o] ^= 0xA5;
        return copy;
    }

    public static string Write(string folder, string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}

/// <summary>Runs the built <c>bktui</c> (bktui.dll beside the tests) as a child process.</summary>
internal static class BktuiProcess
{
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "bktui.dll");
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove(ArchiveLocation.EnvironmentVariable);
        return psi;
    }

    /// <summary>Runs to completion (bounded) and returns exit code and output.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args) => Run(TimeSpan.FromSeconds(60), args);

    public static (int Code, string Out, string Err) Run(TimeSpan bound, params string[] args)
    {
        using var p = Process.Start(StartInfo(args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(bound)) { p.Kill(entireProcessTree: true); throw new TimeoutException($"bktui {string.Join(' ', args)} did not finish in {bound.TotalSeconds:0} s"); }
        p.WaitForExit(); // the output streams are complete only after this
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
