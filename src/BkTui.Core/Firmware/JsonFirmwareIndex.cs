using System.Text.Json;
using System.Text.Json.Serialization;

namespace BkTui.Core.Firmware;

/// <summary>
/// Interim index: <c>firmware/index.json</c> next to the files, rewritten atomically (temp, fsync,
/// rename). Replaced by the archive database's <c>firmware</c> table once the archive lands.
/// </summary>
public sealed class JsonFirmwareIndex(string folder) : IFirmwareIndex
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    private string FilePath => Path.Combine(folder, "index.json");

    public IReadOnlyList<CachedFirmware> All()
    {
        if (!File.Exists(FilePath)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<CachedFirmware>>(File.ReadAllBytes(FilePath), Json) ?? [];
        }
        catch (JsonException e)
        {
            throw new FirmwareException(FirmwareError.Cache, $"{FilePath} is damaged ({e.Message}); move it away and fetch again.");
        }
    }

    public void Upsert(CachedFirmware entry)
    {
        var list = All().Where(e => !(e.Family == entry.Family && e.Tag == entry.Tag && e.AssetName == entry.AssetName)).ToList();
        list.Add(entry with { Path = "" });
        var temp = FilePath + ".tmp";
        try
        {
            using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write))
            {
                JsonSerializer.Serialize(f, list, Json);
                f.Flush(flushToDisk: true);
            }
            File.Move(temp, FilePath, overwrite: true);
        }
        catch (IOException e)
        {
            TryDelete(temp);
            throw FirmwareCacheErrors.FromWrite(e, "the cache index");
        }
        FirmwareCacheErrors.SyncDirectory(folder);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
