using System.Diagnostics;
using BkTui.Tests.TestSupport;
using Xunit.Abstractions;

namespace BkTui.Tests.Formats;

/// <summary>
/// `analyze` on a system without libssl: the real binary in a private mount namespace where every
/// libssl file is /dev/null. .NET's own cryptography aborts there ("No usable version of libssl");
/// ours must give the same report. Needs root and unshare (CI has both); says so and returns otherwise.
/// </summary>
public sealed class NoLibsslTests(ITestOutputHelper output)
{
    private const string Dump = "Allegro-Berge-MI0014-30-x-5-cm-Milio.bin"; // has a Tuya KV with secrets: AES and SHA-256 both run

    [Fact]
    public void Analyze_without_libssl_gives_the_same_report()
    {
        if (RepoPaths.SharedDumps is not { } dumps || !File.Exists(Path.Combine(dumps, Dump))) { output.WriteLine("shared dumps absent: not run"); return; }
        // The loader's own folders only (a recursive walk of /usr/lib follows symlink loops).
        var folders = new[] { "/lib", "/usr/lib", "/lib64", "/usr/lib64", "/usr/local/lib" }.Where(Directory.Exists)
            .SelectMany(d => Directory.GetDirectories(d, "*-linux-gnu*").Prepend(d)).Distinct();
        var libs = folders.SelectMany(d => Directory.GetFiles(d, "libssl.so*")).ToList();
        var dll = Path.Combine(AppContext.BaseDirectory, "bktui.dll");
        var analyze = $"BKTUI_ARCHIVE=/nonexistent dotnet '{dll}' analyze --json --reveal-secrets '{Path.Combine(dumps, Dump)}'";
        var hide = string.Concat(libs.Select(l => $"mount --bind /dev/null '{l}' && "));

        var probe = Shell("unshare -m sh -c true");
        if (probe.Code != 0) { output.WriteLine($"unshare -m not permitted here ({probe.Err.Trim()}): not run"); return; }
        var normal = Shell(analyze);
        var without = Shell($"unshare -m sh -c \"{hide}{analyze}\""); // single quotes inside double: kept as they are

        Assert.NotEmpty(libs);
        Assert.True(normal.Code == 0, normal.Err);
        Assert.True(without.Code == 0, $"exit {without.Code}: {without.Err}");
        Assert.Equal(normal.Out, without.Out);
    }

    private static (int Code, string Out, string Err) Shell(string command)
    {
        var psi = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000)) { p.Kill(true); throw new TimeoutException(command); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
