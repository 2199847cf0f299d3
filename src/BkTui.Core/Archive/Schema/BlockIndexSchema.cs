namespace BkTui.Core.Archive.Schema;

/// <summary>
/// Migration 4: which archived dump holds which 64 KiB block, by family, bootloader and offset, so a
/// backup can take blocks the chip proves it shares with another unit instead of reading them.
/// Filled lazily (<see cref="DumpArchive.BlockHolders"/>): existing archives open unchanged and are
/// indexed the first time a backup asks.
/// </summary>
internal static class BlockIndexSchema
{
    public const string Sql = """
        -- Every dump the index has looked at (family NULL: not indexable, e.g. unknown chip or not whole 64 KiB blocks).
        CREATE TABLE block_index_dumps (
            dump_id      INTEGER PRIMARY KEY REFERENCES dumps(id),
            family       TEXT,
            boot_key     INTEGER                  -- chip-form CRC-32 of the dump's first 64 KiB (the bootloader)
        );

        -- One holder per distinct block content (by chip-form CRC-32) at an offset; erased blocks are not listed.
        CREATE TABLE block_index (
            family       TEXT NOT NULL,
            boot_key     INTEGER NOT NULL,
            offset       INTEGER NOT NULL,
            block_crc    INTEGER NOT NULL,
            dump_id      INTEGER NOT NULL REFERENCES dumps(id),
            PRIMARY KEY (family, boot_key, offset, block_crc)
        ) WITHOUT ROWID;
        """;
}
