using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BkTui.Core.Chips;
using BkTui.Core.Firmware;
using BkTui.Core.Formats.Synthesis;

namespace BkTui.Benchmarks;

/// <summary>
/// firmware get over loopback HTTP: list + download + sha256 + key check + fsync/rename + index row,
/// for a QIO-sized (0x129F70 bytes) Tuya-key image; and the cached answer (re-hash only).
/// `dotnet run -c Release --project tests/BkTui.Benchmarks -- firmware`
/// </summary>
internal static class FirmwareBench
{
    public static int Run()
    {
        var image = Image();
        using var server = new HttpListener();
        var port = FreePort();
        server.Prefixes.Add($"http://127.0.0.1:{port}/");
        server.Start();
        var feed = Encoding.UTF8.GetBytes($$"""
            [{"tag_name":"1.0.0","published_at":"2025-01-01T00:00:00Z","assets":[
              {"name":"OpenBK7231N_QIO_1.0.0.bin","size":{{image.Length}},"browser_download_url":"http://127.0.0.1:{{port}}/n.bin"}]}]
            """);
        _ = Task.Run(async () =>
        {
            while (server.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await server.GetContextAsync(); } catch (Exception) { return; }
                var body = ctx.Request.Url!.AbsolutePath == "/releases" ? feed : image;
                ctx.Response.ContentLength64 = body.Length;
                await ctx.Response.OutputStream.WriteAsync(body);
                ctx.Response.Close();
            }
        });

        var fresh = new List<double>();
        var cached = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var root = Directory.CreateTempSubdirectory("bktui-fwbench-").FullName;
            try
            {
                using var cache = FirmwareCache.Open(root);
                using var catalog = new FirmwareCatalog($"http://127.0.0.1:{port}/releases");
                fresh.Add(Time(() => catalog.GetAsync(ChipFamily.BK7231N, "latest", cache).GetAwaiter().GetResult()));
                cached.Add(Time(() => catalog.GetAsync(ChipFamily.BK7231N, "latest", cache).GetAwaiter().GetResult()));
            }
            finally { Directory.Delete(root, true); }
        }
        server.Stop();
        Report($"get, download {image.Length / 1048576.0:0.00} MiB", fresh, ms => $"{image.Length / 1048576.0 / (ms / 1000):0} MiB/s");
        Report("get, already cached", cached, _ => "");
        return 0;
    }

    private static byte[] Image() =>
        FlashImageBuilder.Qio(new FlashImageSpec { Family = ChipFamily.BK7231N, AppPayloadSize = 0xF0000 }, EfuseKey.Tuya);

    private static double Time(Action a)
    {
        var clock = Stopwatch.StartNew();
        a();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static void Report(string name, List<double> ms, Func<double, string> extra)
    {
        var sorted = ms.Skip(1).Order().ToList(); // the first run pays JIT and connection set-up
        var median = sorted[sorted.Count / 2];
        Console.WriteLine($"{name,-28} median {median,8:0.0} ms  min {sorted[0],8:0.0} ms  {extra(median)}");
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var p = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return p;
    }
}
