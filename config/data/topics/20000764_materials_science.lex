# Materials science.
topic medtop:20000764
4 materials science
4 materials scientist
4 nanotube
4 carbon nanotube
4 superconductor
4 superconducting
3 nanoscale
3 nanoparticle
3 nanotech
3 polymer
