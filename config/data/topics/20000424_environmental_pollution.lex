topic medtop:20000424
4 pollution
4 polluted
4 pollutant
4 smog
4 air quality
4 toxic waste
4 contamination
4 contaminated
4 oil spill
4 sewage
