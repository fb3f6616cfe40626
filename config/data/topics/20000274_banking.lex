topic medtop:20000274
4 bank
4 banking
4 lender
3 loan
3 mortgage
3 deposit
3 credit card
3 investment bank
# Issue #6: banks that are not banks.
-4 west bank
-3 river bank
-3 food bank
-3 blood bank
-3 sperm bank
-3 seed bank
-2 world bank   # economy.lex: an institution, not a lender
