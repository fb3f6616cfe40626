topic medtop:20000441
4 endangered species
4 extinction
4 wildlife
4 biodiversity
4 ecosystem
4 habitat
4 poaching
4 poacher
4 coral reef
