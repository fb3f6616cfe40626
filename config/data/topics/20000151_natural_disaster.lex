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
# Issue #6: what a storm did, as opposed to what the weather will do (weather.lex): damage
# vocabulary tips a hurricane story from weather to disaster.
3 storm surge
3 made landfall
2 battered
3 flooded
3 flooded homes
3 power outages
3 without power
3 knocked out power
3 downed power lines
3 storm damage
3 hurricane damage
3 homes destroyed
3 uprooted
