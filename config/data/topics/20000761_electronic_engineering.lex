# Electronic engineering and the electronics industry's products (chips and computers themselves
# are information technology).
topic medtop:20000761
2 electronics
4 consumer electronics
4 electronics maker
4 electronics company
4 electronics giant
4 electronics firm
4 electronics manufacturer
3 transistor
3 microchip
3 circuit board
3 integrated circuit
3 silicon
3 wafer
3 nanometer
3 90nm
3 65nm
3 memory card
3 flash card
3 sensor
3 oled
3 display panel
3 lithium ion
3 fuel cell
3 chipset
3 graphics chip
3 graphics card
3 gpu
