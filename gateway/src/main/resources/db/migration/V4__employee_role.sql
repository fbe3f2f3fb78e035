-- The built-in role 'user' is now 'employee' (the name an OIDC provider's role maps onto). Portable SQL.
update account_role set role = 'employee' where role = 'user';
