print("placeholder: being written")  // Placeholder; replaced by the real program.
