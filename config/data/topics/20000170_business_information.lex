topic medtop:20000170
4 merger
4 acquisition
4 takeover
4 buyout
4 quarterly earnings
4 quarterly profit
4 net income
4 net profit
4 earnings per share
4 revenue
4 profit warning
4 ceo
4 chief executive
4 shareholders
4 bankruptcy
4 chapter 11
4 ipo
4 initial public offering
3 layoffs
3 job cuts
3 restructuring
# Issue #6: takeovers that are coups.
-3 military takeover
-3 communist takeover
-3 taliban takeover
-3 rebel takeover
# Issue #6 (lex): company accounts.
3 accounting
3 accounting practices
3 accounting scandal
3 accounting irregularities
3 auditor
3 bookkeeping
3 financial results
3 restated
3 restatement
