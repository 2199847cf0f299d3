using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BkTui.Tests.Firmware;

/// <summary>What the loopback server answers for one path; it can misbehave on purpose.</summary>
internal sealed record Reply(int Status, byte[] Body)
{
    public Dictionary<string, string> Headers { get; init; } = [];
    /// <summary>Announce the whole body but send only this many bytes, then close.</summary>
    public int? TruncateAt { get; init; }
    /// <summary>Send headers and this many body bytes, then hang until the server is disposed.</summary>
    public int? StallAfter { get; init; }
    /// <summary>Send the body 1 KiB at a time with this pause between pieces (a server that trickles).</summary>
    public int? TrickleMs { get; init; }

    public static Reply Ok(byte[] body, string type = "application/octet-stream") => new(200, body) { Headers = { ["Content-Type"] = type } };
    public static Reply Json(string json) => Ok(Encoding.UTF8.GetBytes(json), "application/json");
    public static Reply Redirect(string location) => new(302, []) { Headers = { ["Location"] = location } };
    public static Reply Code(int code) => new(code, Encoding.UTF8.GetBytes($"{{\"message\":\"status {code}\"}}"));
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 (free port) speaking raw TCP, so tests can serve
/// releases JSON and assets, redirect, truncate a body or stall — no other network is touched.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, Func<Reply>> _routes = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly Task _loop;

    public LoopbackHttpServer()
    {
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public Uri Url(string path) => new($"http://127.0.0.1:{Port}{path}");

    public void Map(string path, Reply reply) => _routes[path] = () => reply;
    public void Map(string path, Func<Reply> reply) => _routes[path] = reply;
    /// <summary>A loopback port nobody listens on: connecting to it is refused at once (the "offline" case).</summary>
    public static int ClosedPort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public int Hits(string path) => _hits.TryGetValue(path, out var n) ? n : 0;

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception) { return; }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var path = await ReadRequestPath(stream);
            if (path is null) return;
            _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            var reply = _routes.TryGetValue(path, out var f) ? f() : Reply.Code(404);
            var head = new StringBuilder($"HTTP/1.1 {reply.Status} {Reason(reply.Status)}\r\n");
            head.Append($"Content-Length: {reply.Body.Length}\r\nConnection: close\r\n");
            foreach (var (k, v) in reply.Headers) head.Append($"{k}: {v}\r\n");
            head.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
            var send = Math.Min(reply.Body.Length, reply.TruncateAt ?? reply.StallAfter ?? reply.Body.Length);
            for (var at = 0; at < send; at += reply.TrickleMs is null ? send : 1024)
            {
                await stream.WriteAsync(reply.Body.AsMemory(at, Math.Min(send - at, reply.TrickleMs is null ? send : 1024)), _stop.Token);
                if (reply.TrickleMs is { } pause) await Task.Delay(pause, _stop.Token);
            }
            await stream.FlushAsync(_stop.Token);
            if (reply.StallAfter is not null) await Task.Delay(Timeout.Infinite, _stop.Token);
        }
        catch (Exception) { /* the client went away or the server stops */ }
    }

    private static async Task<string?> ReadRequestPath(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        while (length < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(length));
            if (n == 0) return null;
            length += n;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            if (text.Contains("\r\n\r\n")) return text.Split(' ', 3)[1];
        }
        return null;
    }

    private static string Reason(int code) => code switch
    {
        200 => "OK", 302 => "Found", 403 => "Forbidden", 404 => "Not Found", 429 => "Too Many Requests", _ => "Status",
    };

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _loop; } catch (Exception) { }
        _stop.Dispose();
    }
}
