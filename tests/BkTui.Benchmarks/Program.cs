Console.WriteLine("benchmarks: pass a name");
