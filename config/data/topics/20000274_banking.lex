topic medtop:20000274
4 bank
4 banking
4 lender
3 loan
3 mortgage
3 deposit
3 credit card
3 investment bank
