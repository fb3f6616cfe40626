# Geology: the earth as science (an eruption or an earthquake that does harm is also a disaster).
topic medtop:20000727
4 geology
4 geologist
4 geological
4 geophysicist
4 seismologist
4 seismology
4 volcanologist
3 seismic
-3 seismic shift
3 tectonic
4 plate tectonics
3 magma
3 lava dome
3 earth s crust
3 earth s mantle
3 fault line
4 geological survey
3 glaciologist
3 sediment
