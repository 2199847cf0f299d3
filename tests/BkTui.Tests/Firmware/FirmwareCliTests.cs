using System.Diagnostics;
using System.Text.Json;
using static BkTui.Tests.Firmware.TestFirmware;

namespace BkTui.Tests.Firmware;

/// <summary>The real <c>bktui firmware</c> process against the loopback server: output and exit codes.</summary>
public sealed class FirmwareCliTests : IAsyncLifetime
{
    private readonly LoopbackHttpServer _server = new();
    private readonly TempArchive _archive = new();
    private readonly byte[] _mImage = Full("zero", seed: 7);
    private readonly byte[] _nImage = Full("tuya", seed: 8);

    public Task InitializeAsync()
    {
        _server.Map("/releases", Reply.Json(Feed(new Release("1.18.7", "2025-07-01T00:00:00Z", false,
            new Asset("OpenBK7231M_QIO_1.18.7.bin", _server.Url("/m.bin").ToString(), _mImage.Length, "sha256:" + Sha256(_mImage)),
            new Asset("OpenBK7231N_QIO_1.18.7.bin", _server.Url("/m.bin").ToString(), _mImage.Length)))));
        _server.Map("/m.bin", Reply.Ok(_mImage));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() { await _server.DisposeAsync(); _archive.Dispose(); }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bktui.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Remove("BKTUI_ARCHIVE");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(30_000)) { p.Kill(true); throw new TimeoutException("bktui did not exit"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private string Source => _server.Url("/releases").ToString();

    [Fact]
    public void GetPrintsPathShaAndProvenanceThenTheCacheAnswersOffline()
    {
        var (code, stdout, stderr) = Run("firmware", "get", "--chip", "BL2028N", "--source", Source, "--archive", _archive.Root, "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var build = doc.RootElement.GetProperty("build");
        Assert.Equal(Sha256(_mImage), build.GetProperty("sha256").GetString());
        Assert.Equal("BK7231M", build.GetProperty("family").GetString());
        Assert.Equal("zero", build.GetProperty("key").GetString());
        Assert.Equal(_mImage, File.ReadAllBytes(build.GetProperty("path").GetString()!));

        var offline = $"http://127.0.0.1:{LoopbackHttpServer.ClosedPort()}/releases";
        (code, stdout, stderr) = Run("firmware", "get", "--chip", "BK7231M", "--source", offline, "--archive", _archive.Root);
        Assert.True(code == 0, stderr);
        Assert.Contains("from the cache", stdout);
        Assert.Contains(Sha256(_mImage), stdout);

        (code, stdout, stderr) = Run("firmware", "list", "--source", offline, "--archive", _archive.Root);
        Assert.True(code == 0, stderr);
        Assert.Contains("from the cache", stdout);
        Assert.Contains("OpenBK7231M_QIO_1.18.7.bin", stdout);
    }

    [Fact]
    public void ExitCodesFollowExitCodesCs()
    {
        var offline = $"http://127.0.0.1:{LoopbackHttpServer.ClosedPort()}/releases";
        var (code, _, stderr) = Run("firmware", "get", "--chip", "BK7231T", "--source", offline, "--archive", _archive.Root);
        Assert.Equal(10, code); // NetworkError: offline and nothing cached
        Assert.Contains("No cached BK7231T build", stderr);

        (code, _, stderr) = Run("firmware", "get", "--chip", "BK7231N", "--source", Source, "--archive", _archive.Root);
        Assert.Equal(5, code); // Refused: the N entry points at a zero-key build
        Assert.Contains("bktui image convert", stderr);

        (code, _, _) = Run("firmware", "get", "--chip", "BK9999", "--source", Source, "--archive", _archive.Root);
        Assert.Equal(2, code);
        Assert.Empty(CacheFiles(_archive.Root));
    }

    [Fact]
    public void ListShowsReleasesAndTheirBuilds()
    {
        var (code, stdout, stderr) = Run("firmware", "list", "--source", Source, "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var release = doc.RootElement.GetProperty("releases")[0];
        Assert.Equal("1.18.7", release.GetProperty("tag").GetString());
        Assert.Equal("OpenBK7231M_QIO_1.18.7.bin", release.GetProperty("builds").GetProperty("BK7231M").GetString());
    }
}
