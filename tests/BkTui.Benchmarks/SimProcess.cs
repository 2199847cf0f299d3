using System.Diagnostics;
using BkTui.Core.Chips;

namespace BkTui.Benchmarks;

/// <summary>
/// A virtual chip in its own <c>bktui sim</c> process (real-time wire model), so the benchmark
/// process's CPU time is the host side's alone. Stopped (and its image file removed) on dispose.
/// </summary>
internal sealed class SimProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _imagePath;

    public string PtyPath { get; }

    private SimProcess(Process process, string imagePath, string ptyPath) => (_process, _imagePath, PtyPath) = (process, imagePath, ptyPath);

    public static SimProcess Start(ChipFamily family, byte[] image, string scratch)
    {
        var imagePath = Path.Combine(scratch, $"sim-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(imagePath, image);
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "bktui.dll"), "sim", "--chip", family.ToString(), "--image", imagePath })
            info.ArgumentList.Add(a);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start bktui sim");
        var first = process.StandardOutput.ReadLine();
        if (first is null || !first.StartsWith("PTY ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"bktui sim did not print its pty: {first} {process.StandardError.ReadToEnd()}");
        }
        return new SimProcess(process, imagePath, first[4..].Trim());
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill();
            _process.WaitForExit(5000);
        }
        finally
        {
            _process.Dispose();
            File.Delete(_imagePath);
        }
    }
}
