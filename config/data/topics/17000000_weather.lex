# Weather.
topic medtop:17000000
4 weather
4 forecast
4 meteorological
4 temperature
4 degrees
4 heatwave
4 heat wave
4 cold snap
4 snow
4 snowfall
4 snowstorm
4 blizzard
4 ice storm
4 frost
4 rain
4 rainfall
4 heavy rain
4 showers
4 thunderstorm
3 storm
4 winds
4 gusts
4 hail
4 fog
4 sunshine
4 humidity
4 hurricane
4 typhoon
4 cyclone
4 tornado
4 el nino
4 la nina
4 monsoon
4 drought
4 wetter
4 unwetter
4 météo
4 tempête
4 clima
4 tormenta
-2 weather the storm
-2 political storm
-2 storm of criticism
-4 storms to
-4 stormed to
