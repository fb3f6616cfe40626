# Physics (the bare words "physics" and "physicist" are in natural science).
topic medtop:20000731
4 nuclear fusion
4 fusion reactor
4 fusion energy
4 particle physics
4 particle accelerator
4 collider
3 neutrino
3 photon
3 antimatter
3 subatomic
3 speed of light
