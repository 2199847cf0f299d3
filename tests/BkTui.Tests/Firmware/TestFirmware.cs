using System.Security.Cryptography;
using System.Text.Json;
using BkTui.Core.Chips;
using BkTui.Core.Formats.Synthesis;

namespace BkTui.Tests.Firmware;

/// <summary>Synthetic OpenBeken-like images and releases JSON for the firmware tests.</summary>
internal static class TestFirmware
{
    /// <summary>A UA-style app (CRC-16 blocks from logical 0x10000) built by Formats' synthesizer for the key.</summary>
    public static byte[] App(string key, int seed = 1) =>
        FlashImageBuilder.App(Spec(seed), EfuseKey.Parse(key));

    /// <summary>A QIO-style image (bootloader + app from 0, 0x129F70 bytes) for the key.</summary>
    public static byte[] Full(string key, int seed = 2) =>
        FlashImageBuilder.Qio(Spec(seed) with { Family = key == "zero" ? ChipFamily.BK7231M : ChipFamily.BK7231N }, EfuseKey.Parse(key));

    private static FlashImageSpec Spec(int seed) => new() { Family = ChipFamily.BK7231T, Seed = seed, AppPayloadSize = 0x8000 };

    public static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public sealed record Asset(string Name, string Url, long? Size = null, string? Digest = null);
    public sealed record Release(string Tag, string Published, bool Prerelease, params Asset[] Assets);

    public static string Feed(params Release[] releases) => JsonSerializer.Serialize(releases.Select(r => new Dictionary<string, object?>
    {
        ["tag_name"] = r.Tag, ["name"] = $"Release {r.Tag}", ["published_at"] = r.Published, ["prerelease"] = r.Prerelease,
        ["draft"] = false, ["html_url"] = "ignored",
        ["assets"] = r.Assets.Select(a => new Dictionary<string, object?>
        {
            ["name"] = a.Name, ["size"] = a.Size, ["browser_download_url"] = a.Url, ["digest"] = a.Digest, ["content_type"] = "application/octet-stream",
        }),
    }));

    /// <summary>Every file in the cache folder except the index: what a failed get must leave behind (nothing).</summary>
    public static string[] CacheFiles(string archive)
    {
        var dir = Path.Combine(archive, "firmware");
        return Directory.Exists(dir)
            ? Directory.GetFiles(dir).Where(f => Path.GetFileName(f) != "index.json").Select(f => Path.GetFileName(f)).ToArray()
            : [];
    }
}

/// <summary>A temporary archive folder, removed at the end of the test.</summary>
internal sealed class TempArchive : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("bktui-fw-").FullName;
    public void Dispose() { try { Directory.Delete(Root, true); } catch (IOException) { } }
}
