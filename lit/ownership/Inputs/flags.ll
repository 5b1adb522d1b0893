; -O2 Rust (the shape of std's gimli Context::new): an object's field is released (drop_A), then
; a loop whose invokes may unwind, each with an i1 flag phi of its own; every cleanup path merges
; into one block whose drop flag says the field was already dropped (0 after drop_A), so the
; second release (drop_B) is never reached after the first. The other flags vary around the
; loop and are never read again.
target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

define void @_RNvCs1a_5flags5churn(ptr %obj, i1 %more, i64 %sel) personality ptr @rust_eh_personality !dbg !10 {
entry:
  invoke void @step()
          to label %drop_a unwind label %early, !dbg !20

drop_a:
  %p = load ptr, ptr %obj, align 8, !dbg !21
  call void @release_obj(ptr %p), !dbg !21
  br label %loop, !dbg !21

early:
  %lp0 = landingpad { ptr, i32 } cleanup
  br label %cleanup

loop:
  br i1 %more, label %tail, label %body, !dbg !22

body:
  switch i64 %sel, label %merge [
    i64 1, label %loop
    i64 2, label %other
    i64 3, label %third
    i64 5, label %loop
  ], !dbg !22

other:
  br label %merge

third:
  br label %merge

merge:
  %seen = phi i1 [ false, %other ], [ true, %body ], [ true, %third ]
  %kind = phi i8 [ 2, %other ], [ 0, %body ], [ 3, %third ]
  invoke void @step()
          to label %next unwind label %unwound, !dbg !23

next:
  invoke void @step()
          to label %done unwind label %late, !dbg !23

tail:
  invoke void @step()
          to label %done unwind label %late, !dbg !24

unwound:
  %lp1 = landingpad { ptr, i32 } cleanup
  br label %cleanup

late:
  %lp2 = landingpad { ptr, i32 } cleanup
  br label %cleanup

done:
  ret void, !dbg !25

cleanup:
  %live = phi i8 [ 1, %early ], [ 0, %unwound ], [ 0, %late ]
  %where = phi i1 [ false, %early ], [ true, %unwound ], [ false, %late ]
  %lp = phi { ptr, i32 } [ %lp0, %early ], [ %lp1, %unwound ], [ %lp2, %late ]
  %flag = trunc i8 %live to i1
  br i1 %flag, label %drop_b, label %resume

drop_b:
  %q = load ptr, ptr %obj, align 8, !dbg !26
  call void @release_obj(ptr %q), !dbg !26
  br label %resume

resume:
  resume { ptr, i32 } %lp
}

; The same with the flag left set on the path that unwinds out of the loop's first invoke:
; the field is released twice there.
define void @_RNvCs1a_5flags9churn_bug(ptr %obj, i1 %more, i64 %sel) personality ptr @rust_eh_personality !dbg !40 {
entry:
  invoke void @step()
          to label %drop_a unwind label %early, !dbg !47

drop_a:
  %p = load ptr, ptr %obj, align 8, !dbg !41
  call void @release_obj(ptr %p), !dbg !41
  br label %loop, !dbg !41

early:
  %lp0 = landingpad { ptr, i32 } cleanup
  br label %cleanup

loop:
  br i1 %more, label %tail, label %body, !dbg !42

body:
  switch i64 %sel, label %merge [
    i64 1, label %loop
    i64 2, label %other
    i64 3, label %third
    i64 5, label %loop
  ], !dbg !42

other:
  br label %merge

third:
  br label %merge

merge:
  %seen = phi i1 [ false, %other ], [ true, %body ], [ true, %third ]
  %kind = phi i8 [ 2, %other ], [ 0, %body ], [ 3, %third ]
  invoke void @step()
          to label %next unwind label %unwound, !dbg !43

next:
  invoke void @step()
          to label %done unwind label %late, !dbg !43

tail:
  invoke void @step()
          to label %done unwind label %late, !dbg !44

unwound:
  %lp1 = landingpad { ptr, i32 } cleanup
  br label %cleanup

late:
  %lp2 = landingpad { ptr, i32 } cleanup
  br label %cleanup

done:
  ret void, !dbg !45

cleanup:
  %live = phi i8 [ 1, %early ], [ 1, %unwound ], [ 0, %late ]
  %where = phi i1 [ false, %early ], [ true, %unwound ], [ false, %late ]
  %lp = phi { ptr, i32 } [ %lp0, %early ], [ %lp1, %unwound ], [ %lp2, %late ]
  %flag = trunc i8 %live to i1
  br i1 %flag, label %drop_b, label %resume

drop_b:
  %q = load ptr, ptr %obj, align 8, !dbg !46
  call void @release_obj(ptr %q), !dbg !46
  br label %resume

resume:
  resume { ptr, i32 } %lp
}

declare void @step()
declare i32 @rust_eh_personality(...)

define void @release_obj(ptr %p) !dbg !30 {
  call void @free(ptr %p), !dbg !31
  ret void, !dbg !31
}

declare void @free(ptr)

!llvm.dbg.cu = !{!0, !1}
!llvm.module.flags = !{!9}

!0 = distinct !DICompileUnit(language: DW_LANG_Rust, file: !2, producer: "rustc", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly)
!1 = distinct !DICompileUnit(language: DW_LANG_C11, file: !3, producer: "clang", isOptimized: true, runtimeVersion: 0, emissionKind: LineTablesOnly)
!2 = !DIFile(filename: "flags.rs", directory: "/src")
!3 = !DIFile(filename: "release.c", directory: "/src")
!9 = !{i32 2, !"Debug Info Version", i32 3}
!10 = distinct !DISubprogram(name: "churn", linkageName: "_RNvCs1a_5flags5churn", scope: !2, file: !2, line: 1, type: !11, scopeLine: 1, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!11 = !DISubroutineType(types: !12)
!12 = !{}
!20 = !DILocation(line: 3, column: 5, scope: !10)
!21 = !DILocation(line: 4, column: 5, scope: !10)
!22 = !DILocation(line: 6, column: 9, scope: !10)
!23 = !DILocation(line: 8, column: 9, scope: !10)
!24 = !DILocation(line: 10, column: 9, scope: !10)
!25 = !DILocation(line: 12, column: 1, scope: !10)
!26 = !DILocation(line: 12, column: 1, scope: !10)
!40 = distinct !DISubprogram(name: "churn_bug", linkageName: "_RNvCs1a_5flags9churn_bug", scope: !2, file: !2, line: 20, type: !11, scopeLine: 20, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !0)
!41 = !DILocation(line: 24, column: 5, scope: !40)
!42 = !DILocation(line: 26, column: 9, scope: !40)
!43 = !DILocation(line: 28, column: 9, scope: !40)
!44 = !DILocation(line: 30, column: 9, scope: !40)
!45 = !DILocation(line: 32, column: 1, scope: !40)
!46 = !DILocation(line: 32, column: 1, scope: !40)
!47 = !DILocation(line: 23, column: 5, scope: !40)
!30 = distinct !DISubprogram(name: "release_obj", scope: !3, file: !3, line: 2, type: !11, scopeLine: 2, spFlags: DISPFlagDefinition | DISPFlagOptimized, unit: !1)
!31 = !DILocation(line: 3, column: 2, scope: !30)
