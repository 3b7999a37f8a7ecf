print("not yet")  // Placeholder; replace.
