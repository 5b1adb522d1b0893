; A Rust caller asserting `o.is_null() && !err.is_null()` after a C parse, as optimised code
; folds it: one branch on (o != null || err == null) to the panic.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @abort() noreturn nounwind

define ptr @parse(i1 %bad, ptr %err) #0 {
  %o = call ptr @malloc(i64 32)
  br i1 %bad, label %b, label %g
b:
  call void @free(ptr %o)
  %m = call ptr @malloc(i64 4)
  store ptr %m, ptr %err
  ret ptr null
g:
  store ptr null, ptr %err
  ret ptr %o
}

define void @err_free(ptr %p) #0 {
  call void @free(ptr %p)
  ret void
}

define void @checked(i1 %bad) #1 {
  %err = alloca ptr
  %o = call ptr @parse(i1 %bad, ptr %err)
  %nn = icmp ne ptr %o, null
  %e = load ptr, ptr %err
  %en = icmp eq ptr %e, null
  %c = select i1 %nn, i1 true, i1 %en
  br i1 %c, label %panic, label %ok
panic:
  call void @abort()
  unreachable
ok:
  call void @err_free(ptr %e)
  ret void
}

define void @dropped(i1 %bad) #1 {
  %err = alloca ptr
  %o = call ptr @parse(i1 %bad, ptr %err)
  %e = load ptr, ptr %err
  %en = icmp eq ptr %e, null
  %c = select i1 %en, i1 true, i1 false
  br i1 %c, label %done, label %fail
fail:
  call void @err_free(ptr %e)
  ret void
done:
  ret void
}

attributes #0 = { "ffiguard-lang"="c" }
attributes #1 = { "ffiguard-lang"="rust" }
