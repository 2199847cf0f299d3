using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace BkTui.Core.Firmware;

/// <summary>Result of copying a remote or local file: its length and SHA-256 (lowercase hex).</summary>
public readonly record struct TransferResult(long Length, string Sha256);

/// <summary>
/// Fetches the releases feed and assets over HTTP(S) or from local files, with bounded connect,
/// idle and overall timeouts, bounded redirects and bounded sizes. Failures become
/// <see cref="FirmwareException"/>s that name the URL and say what to do next.
/// </summary>
public sealed class FirmwareTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly FirmwareHttpOptions _options;

    public FirmwareTransport(FirmwareHttpOptions? options = null)
    {
        _options = options ?? new FirmwareHttpOptions();
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = _options.ConnectTimeout,
            AllowAutoRedirect = _options.MaxRedirects > 0,
            MaxAutomaticRedirections = Math.Max(1, _options.MaxRedirects),
            // No transparent decompression: Content-Length and the asset size must describe the bytes we hash.
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        // Timeouts are enforced per request below (HttpClient.Timeout does not cover the body stream).
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(_options.UserAgent);
    }

    public FirmwareHttpOptions Options => _options;

    /// <summary>The releases JSON, whole (bounded by <see cref="FirmwareHttpOptions.MaxFeedBytes"/>).</summary>
    public async Task<byte[]> GetFeedAsync(Uri uri, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await CopyAsync(uri, "application/vnd.github+json", buffer, null, _options.MaxFeedBytes, _options.FeedTimeout, null, ct);
        return buffer.ToArray();
    }

    /// <summary>Copies an asset into <paramref name="destination"/>, checking the announced and expected sizes.</summary>
    public Task<TransferResult> DownloadAsync(Uri uri, Stream destination, long? expectedSize,
        IProgress<DownloadProgress>? progress, CancellationToken ct) =>
        CopyAsync(uri, "application/octet-stream", destination, expectedSize, _options.MaxAssetBytes, _options.DownloadTimeout, progress, ct);

    private async Task<TransferResult> CopyAsync(Uri uri, string accept, Stream destination, long? expected, long max,
        TimeSpan timeout, IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        if (expected > max)
            throw new FirmwareException(FirmwareError.TooLarge, $"{uri} is listed as {expected} bytes, more than the {max}-byte limit for a firmware file.");
        if (uri.IsFile) return await CopyLocalAsync(uri, destination, expected, max, progress, ct);

        using var overall = CancellationTokenSource.CreateLinkedTokenSource(ct);
        overall.CancelAfter(timeout);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(overall.Token);
        idle.CancelAfter(_options.IdleTimeout);
        long done = 0;
        long? announced = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token);
            CheckStatus(response, uri);
            announced = response.Content.Headers.ContentLength;
            if (announced > max)
                throw new FirmwareException(FirmwareError.TooLarge, $"{uri} announces {announced} bytes, more than the {max}-byte limit.");
            if (announced is { } a && expected is { } e && a != e)
                throw new FirmwareException(FirmwareError.Integrity, $"{uri}: the server announces {a} bytes but the release lists {e}; not downloading a different file.");
            await using var body = await response.Content.ReadAsStreamAsync(idle.Token);
            var result = await PumpAsync(body, destination, announced ?? expected, max, progress, n => { done = n; idle.CancelAfter(_options.IdleTimeout); }, uri, idle.Token);
            if (announced is { } len && result.Length != len)
                throw Truncated(uri, result.Length, len);
            CheckExpected(uri, result.Length, expected);
            return result;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            var why = overall.IsCancellationRequested
                ? $"took longer than {timeout.TotalSeconds:0.#} s"
                : $"sent nothing for {_options.IdleTimeout.TotalSeconds:0.#} s";
            throw new FirmwareException(FirmwareError.Network, $"{uri.Host}: timed out — the server {why} (after {done} bytes). Check the network or try again.");
        }
        catch (HttpRequestException e)
        {
            throw new FirmwareException(FirmwareError.Network, $"{uri.Host}: {Inner(e)} — offline?", e);
        }
        catch (IOException e) when (e is not DestinationException)
        {
            // The response stream failed mid-body: the connection was reset or closed early.
            throw announced is { } len ? Truncated(uri, done, len)
                : new FirmwareException(FirmwareError.Network, $"{uri.Host}: connection lost after {done} bytes ({Inner(e)}).", e);
        }
        catch (DestinationException e)
        {
            throw e.Translated;
        }
    }

    private static async Task<TransferResult> CopyLocalAsync(Uri uri, Stream destination, long? expected, long max,
        IProgress<DownloadProgress>? progress, CancellationToken ct)
    {
        var path = uri.LocalPath;
        FileStream source;
        try
        {
            source = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FirmwareException(FirmwareError.NotFound, $"{path} does not exist — check --source.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FirmwareException(FirmwareError.NotFound, $"{path} cannot be read: {e.Message}");
        }
        await using (source)
        {
            if (source.Length > max)
                throw new FirmwareException(FirmwareError.TooLarge, $"{path} is {source.Length} bytes, more than the {max}-byte limit.");
            try
            {
                var result = await PumpAsync(source, destination, source.Length, max, progress, _ => { }, uri, ct);
                CheckExpected(uri, result.Length, expected);
                return result;
            }
            catch (DestinationException e)
            {
                throw e.Translated;
            }
        }
    }

    private static async Task<TransferResult> PumpAsync(Stream source, Stream destination, long? total, long max,
        IProgress<DownloadProgress>? progress, Action<long> onBytes, Uri uri, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        long done = 0;
        while (true)
        {
            var n = await source.ReadAsync(buffer, ct);
            if (n == 0) break;
            done += n;
            onBytes(done);
            if (done > max)
                throw new FirmwareException(FirmwareError.TooLarge, $"{uri}: more than {max} bytes arrived; not a firmware file.");
            hash.AppendData(buffer, 0, n);
            try
            {
                await destination.WriteAsync(buffer.AsMemory(0, n), ct);
            }
            catch (IOException e)
            {
                throw new DestinationException(FirmwareCacheErrors.FromWrite(e, "the download"));
            }
            if (progress is not null && clock.Elapsed - lastReport >= TimeSpan.FromMilliseconds(100))
            {
                lastReport = clock.Elapsed;
                progress.Report(new DownloadProgress(done, total, Speed(done, clock.Elapsed)));
            }
        }
        progress?.Report(new DownloadProgress(done, total, Speed(done, clock.Elapsed)));
        return new TransferResult(done, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static double Speed(long bytes, TimeSpan t) => t.TotalSeconds > 0 ? bytes / t.TotalSeconds : 0;

    private static void CheckExpected(Uri uri, long got, long? expected)
    {
        if (expected is { } e && got != e)
            throw got < e ? Truncated(uri, got, e)
                : new FirmwareException(FirmwareError.Integrity, $"{uri}: got {got} bytes but the release lists {e}.");
    }

    private static FirmwareException Truncated(Uri uri, long got, long expected) =>
        new(FirmwareError.Network, $"{uri}: download truncated — got {got} of {expected} bytes. Nothing was kept; try again.");

    private void CheckStatus(HttpResponseMessage r, Uri uri)
    {
        var code = (int)r.StatusCode;
        if (code is >= 200 and < 300) return;
        if (code is >= 300 and < 400)
            throw new FirmwareException(FirmwareError.HttpStatus,
                $"{uri}: more than {_options.MaxRedirects} redirects (last to {r.Headers.Location}) — not following further.");
        if (code is 403 or 429)
            throw new FirmwareException(FirmwareError.RateLimited, RateLimitMessage(r, uri));
        if (code == 404)
            throw new FirmwareException(FirmwareError.NotFound, $"{uri}: HTTP 404 Not Found — check --source, or the release/asset was removed.");
        throw new FirmwareException(FirmwareError.HttpStatus, $"{uri}: HTTP {code} {r.ReasonPhrase} — the server refused; try again later.");
    }

    private static string RateLimitMessage(HttpResponseMessage r, Uri uri)
    {
        string? Header(string name) => r.Headers.TryGetValues(name, out var v) ? v.FirstOrDefault() : null;
        var reset = long.TryParse(Header("X-RateLimit-Reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? $"; it resets at {DateTimeOffset.FromUnixTimeSeconds(s):HH:mm} UTC" : "";
        var certain = Header("X-RateLimit-Remaining") == "0" || (int)r.StatusCode == 429;
        return $"{uri.Host}: HTTP {(int)r.StatusCode} — {(certain ? "the GitHub API rate limit is used up" : "forbidden, most likely the GitHub API rate limit")} " +
               $"(60 requests per hour without a token){reset}. Try later or use --source with a saved copy of the releases JSON; cached builds still answer.";
    }

    private static string Inner(Exception e)
    {
        var m = e.Message;
        for (var i = e.InnerException; i is not null; i = i.InnerException) m = i.Message;
        return m;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Carries a write failure on the destination through the network catch blocks unchanged.</summary>
    private sealed class DestinationException(FirmwareException translated) : IOException(translated.Message)
    {
        public FirmwareException Translated { get; } = translated;
    }
}
