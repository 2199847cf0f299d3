switch (args.FirstOrDefault())
{
    case "serial": return BkTui.Benchmarks.SerialBench.Run();
    case "archive": return BkTui.Benchmarks.ArchiveBench.Run();
    case "firmware": return BkTui.Benchmarks.FirmwareBench.Run();
    case "wire": return BkTui.Benchmarks.WireBench.Run();
    case "analyze": return BkTui.Benchmarks.FormatsBench.Analyze();
    case "fuzz": return BkTui.Benchmarks.FormatsBench.Fuzz(args);
    case "render": return BkTui.Benchmarks.RenderBench.Run(frameOnly: args.Skip(1).FirstOrDefault() == "frames");
    case "hex": return BkTui.Benchmarks.HexViewBench.Run();
    case "dedup": return BkTui.Benchmarks.DedupBench.Run();
    case "queue": return BkTui.Benchmarks.QueueBench.Run();
    case "queue-ports": return BkTui.Benchmarks.QueueBench.Ports(args);
    case "faults": return BkTui.Benchmarks.FaultCampaign.Run(args);
    case "baud": return BkTui.Benchmarks.BaudBench.Run();
    case "collateral": return BkTui.Benchmarks.CollateralBench.Run();
    case "ports": return BkTui.Benchmarks.PortsBench.Run();
    default:
        Console.WriteLine("benchmarks: pass a name (serial, archive, firmware, wire, dedup, analyze, fuzz [count], render [frames], hex, queue, queue-ports N, faults [RUNS [SEED]], baud, ports)");
        return 2;
}
