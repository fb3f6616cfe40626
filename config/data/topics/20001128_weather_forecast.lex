topic medtop:20001128
4 forecast for
4 forecasters
4 meteorologist
4 national weather service
4 met office
4 outlook for the weekend
