using System.Diagnostics;
using System.Text.Json;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;

namespace BkTui.Tests.Jobs;

/// <summary>`bktui run` as a user runs it: the built binary, virtual chips on ptys, JSON out, honest exit codes.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly SimBench _bench = new();

    public void Dispose() => _bench.Dispose();

    private (int Code, string Out, string Err) Bktui(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "bktui.dll"), .. args])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(120_000), "bktui run did not finish");
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Backup_on_two_ports_prints_one_json_result_per_port_and_exits_zero()
    {
        var a = _bench.Add(ChipFamily.BK7231N, 40);
        var b = _bench.Add(ChipFamily.BK7231M, 41);
        var (code, stdout, stderr) = Bktui("run", "backup", "--port", a.PtyPath, "--port", b.PtyPath, "--archive", _bench.Store.Archive.Root, "--json");
        Assert.True(code == 0, stderr);
        var results = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, results.Count);
        foreach (var (r, sim) in results.Zip(new[] { a, b }))
        {
            Assert.Equal(sim.PtyPath, r.GetProperty("port").GetString());
            Assert.Equal("backup", r.GetProperty("recipe").GetString());
            Assert.Equal("done", r.GetProperty("state").GetString());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("error").ValueKind);
            Assert.Equal(sim.Chip.Flash.Snapshot(), _bench.Store.Archive.ReadDumpBytes(r.GetProperty("dumpId").GetInt64()));
            Assert.Equal(4, r.GetProperty("steps").GetArrayLength());
            Assert.False(string.IsNullOrEmpty(r.GetProperty("mac").GetString()));
        }
        Assert.Contains("archive done", stderr);
    }

    [Fact]
    public void A_refused_flash_exits_with_the_refused_code_and_names_the_fix()
    {
        var m = _bench.Add(ChipFamily.BK7231M, 42);
        var fw = _bench.File("OpenBK7231N_QIO.bin", FlashImageBuilder.Qio(new FlashImageSpec { Family = ChipFamily.BK7231N, Seed = 5 }, EfuseKey.Tuya));
        var (code, stdout, stderr) = Bktui("run", "flash", "--port", m.PtyPath, "--firmware", fw, "--archive", _bench.Store.Archive.Root);
        Assert.Equal(5, code);
        Assert.Contains("failed", stdout);
        Assert.Contains("image convert", stderr);
    }
}
