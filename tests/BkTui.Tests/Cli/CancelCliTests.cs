using System.Diagnostics;
using BkTui.Core.Chips;
using BkTui.Simulator;

namespace BkTui.Tests.Cli;

/// <summary>Ctrl-C during a read: exit 130 with words that say a cancel, not an error, and no file left behind.</summary>
public sealed class CancelCliTests
{
    [Fact]
    public async Task Interrupting_a_read_exits_130_says_cancelled_and_saves_nothing()
    {
        using var sim = SimHost.Start(new SimOptions { Family = ChipFamily.BK7231N, WireModel = true });
        var dir = Directory.CreateTempSubdirectory("bktui-cancel-").FullName;
        try
        {
            var output = Path.Combine(dir, "backup.bin");
            var psi = Archive.BktuiProcess.StartInfo("read", "--port", sim.PtyPath, "--out", output, "--baud", "115200", "--archive", Path.Combine(dir, "archive"));
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            // The progress line shows the read is under way (at 115,200 a 2 MiB read takes minutes).
            var err = new System.Text.StringBuilder();
            while (p.StandardError.Read() is var c and >= 0)
            {
                err.Append((char)c);
                if (err.ToString().Contains("read ")) break;
            }
            using (var kill = Process.Start("kill", ["-INT", p.Id.ToString()])) kill.WaitForExit();
            var rest = p.StandardError.ReadToEndAsync();
            Assert.True(p.WaitForExit(30_000), "bktui did not stop after SIGINT");
            var stderr = err + await rest;

            Assert.Equal(130, p.ExitCode);
            Assert.Contains($"bktui read: cancelled by the user on {sim.PtyPath}; nothing from this run was saved or archived", stderr);
            Assert.DoesNotContain("Error", stderr);
            Assert.DoesNotContain("The operation was canceled", stderr);
            Assert.False(File.Exists(output));
            _ = await stdout;
        }
        finally { Directory.Delete(dir, true); }
    }
}
