# Astronomy: the sky as science (space missions and their hardware are space exploration).
topic medtop:20000718
4 astronomy
4 astronomical
4 astrophysics
4 astrophysicist
4 cosmologist
4 observatory
3 stargazer
3 lunar
4 lunar eclipse
4 solar eclipse
3 eclipse
4 supernova
4 black hole
4 nebula
4 exoplanet
4 extrasolar
3 meteor
3 meteor shower
3 meteorite
3 cosmic
3 cosmic ray
4 big bang
4 dark matter
4 dark energy
3 light years
3 solar flare
3 solar wind
3 sunspot
3 pluto
3 neptune
3 uranus
3 brown dwarf
3 star cluster
3 milky way
