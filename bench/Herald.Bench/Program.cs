Console.WriteLine("usage: Herald.Bench <storage|simulate|engine|broadcast> [options]");
return 1;
