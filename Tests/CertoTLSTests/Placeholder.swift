// Placeholder until the suite's first real file lands.
