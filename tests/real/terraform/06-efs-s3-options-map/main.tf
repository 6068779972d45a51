resource "aws_cloudwatch_log_group" "transfers" {
  name              = "${var.project}-datasync-log-group"
  retention_in_days = 14
}

resource "aws_datasync_location_efs" "jobs" {
  efs_file_system_arn = aws_efs_mount_target.jobs.file_system_arn

  ec2_config {
    security_group_arns = [aws_security_group.jobs.arn, aws_security_group.agent.arn]
    subnet_arn          = aws_subnet.main.arn
  }
}

resource "aws_datasync_location_s3" "results" {
  s3_bucket_arn = "${data.aws_s3_bucket.results.arn}"
  subdirectory  = "${var.datasync_location_s3_subdirectory}"

  s3_config {
    bucket_access_role_arn = "${aws_iam_role.bucket_access.arn}"
  }
}

resource "aws_datasync_task" "to_bucket" {
  name                     = "${var.project}-datasync-backup"
  source_location_arn      = "${aws_datasync_location_efs.jobs.arn}"
  destination_location_arn = "${aws_datasync_location_s3.results.arn}"
  cloudwatch_log_group_arn = "${aws_cloudwatch_log_group.transfers.arn}"

  options {
    bytes_per_second       = -1
    verify_mode            = "${var.datasync_task_options["verify_mode"]}"
    posix_permissions      = "${var.datasync_task_options["posix_permissions"]}"
    preserve_deleted_files = "${var.datasync_task_options["preserve_deleted_files"]}"
    uid                    = "${var.datasync_task_options["uid"]}"
    gid                    = "${var.datasync_task_options["gid"]}"
    atime                  = "${var.datasync_task_options["atime"]}"
    mtime                  = "${var.datasync_task_options["mtime"]}"
  }
}

resource "aws_datasync_task" "to_volume" {
  name                     = "${var.project}-datasync-restore"
  source_location_arn      = "${aws_datasync_location_s3.results.arn}"
  destination_location_arn = "${aws_datasync_location_efs.jobs.arn}"
  cloudwatch_log_group_arn = "${aws_cloudwatch_log_group.transfers.arn}"

  options {
    bytes_per_second       = -1
    verify_mode            = "${var.datasync_task_options["verify_mode"]}"
    posix_permissions      = "${var.datasync_task_options["posix_permissions"]}"
    preserve_deleted_files = "${var.datasync_task_options["preserve_deleted_files"]}"
    uid                    = "${var.datasync_task_options["uid"]}"
    gid                    = "${var.datasync_task_options["gid"]}"
    atime                  = "${var.datasync_task_options["atime"]}"
    mtime                  = "${var.datasync_task_options["mtime"]}"
  }
}
