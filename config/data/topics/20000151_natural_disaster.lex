topic medtop:20000151
4 earthquake
4 quake
4 tremor
3 magnitude
4 richter scale
4 aftershock
4 epicenter
4 epicentre
4 tsunami
4 flood
4 flooding
4 floodwater
3 landslide
3 mudslide
4 avalanche
4 volcano
4 volcanic
4 eruption
3 lava
4 hurricane
4 typhoon
4 cyclone
4 tornado
3 drought
4 wildfire
4 bushfire
4 forest fire
3 natural disaster
3 famine
-3 landslide victory
-3 landslide win
-3 landslide for
