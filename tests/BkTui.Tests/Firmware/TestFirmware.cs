using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json;
using BkTui.Core.Firmware;

namespace BkTui.Tests.Firmware;

/// <summary>Synthetic OpenBeken-like images and releases JSON for the firmware tests.</summary>
internal static class TestFirmware
{
    private static readonly byte[] PlainVector = [0x0E, 0x00, 0x00, 0xEA, 0x14, 0xF0, 0x9F, 0xE5];
    private static readonly byte[] TuyaVector = [0x2F, 0x07, 0xB5, 0x94, 0x35, 0xFF, 0x2A, 0x9B];

    /// <summary>An app in 34-byte CRC blocks whose first words are the vector table for the key.</summary>
    public static byte[] App(string key, int blocks = 3000, int seed = 1)
    {
        var rng = new Random(seed);
        var image = new byte[blocks * 34];
        for (var b = 0; b < blocks; b++)
        {
            var block = image.AsSpan(b * 34, 34);
            rng.NextBytes(block[..32]);
            if (b == 0) (key == "tuya" ? TuyaVector : PlainVector).CopyTo(block);
            BinaryPrimitives.WriteUInt16BigEndian(block[32..], ImageKeyProbe.Crc16Cms(block[..32]));
        }
        return image;
    }

    /// <summary>A QIO-style whole image: 0x11000 bytes of bootloader, then the app.</summary>
    public static byte[] Full(string key, int seed = 2)
    {
        var boot = new byte[0x11000];
        new Random(seed).NextBytes(boot);
        return [.. boot, .. App(key, 2000, seed)];
    }

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
