# Weather.
topic medtop:17000000
4 weather
2 forecast
4 meteorological
1 temperature
1 degrees
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
3 showers
4 thunderstorm
3 storm
3 winds
4 gusts
4 hail
4 fog
3 sunshine
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
3 winter storm
3 cold front
3 warm front
3 low pressure
3 high pressure
3 celsius
3 fahrenheit
1 sunny
3 cloudy
3 overcast
3 drizzle
3 sleet
3 freezing rain
1 icy
1 ice
3 wind chill
3 heat index
3 scorching
1 mild
3 chilly
3 downpour
3 deluge
3 hot weather
3 cold weather
3 severe weather
3 weather service
3 weather bureau
3 weather office
3 meteo
3 forecast to
1 winter
1 summer
1 spring
1 autumn
3 hottest
3 coldest
3 warmest
3 wettest
3 driest
3 heat
3 cold
3 temperatures rose
3 temperatures fell
3 above average
3 below average
# Issue #6: "winds" folds to "wind": wind power is environment and energy, "wind down" business.
-3 wind down
-3 wind up
-2 wind power
-2 wind farm
-2 wind turbine
-2 wind energy
-3 winds of change
# Issue #6: cold and heat that are not weather.
-3 cold war
-3 common cold
-3 cold case
-3 cold blooded
-3 cold feet
-3 cold shoulder
-3 miami heat
-3 heat of the
-3 goal drought
-3 title drought
-3 scoring drought
